package vn.motcua.deadline;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.dossier.Dossiers;

/** Staff download of a dossier's apology and new appointment letters (Form 04), printable HTML. */
@RestController
class ApologyLetterController {

    private final Dossiers dossiers;
    private final Deadlines deadlines;
    private final ApologyLetters letters;

    ApologyLetterController(Dossiers dossiers, Deadlines deadlines, ApologyLetters letters) {
        this.dossiers = dossiers;
        this.deadlines = deadlines;
        this.letters = letters;
    }

    @GetMapping("/api/dossiers/{code}/reappointments/{id}/letter")
    ResponseEntity<String> letter(@PathVariable String code, @PathVariable long id) {
        dossiers.requireVisible(code);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(letters.render(deadlines.reappointment(code, id)));
    }
}
