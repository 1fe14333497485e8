package vn.motcua.mail;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SentMailRepository extends JpaRepository<SentMail, Long> {

    @Query("select count(m) > 0 from SentMail m where m.idempotencyKey = ?1")
    boolean existsByIdempotencyKey(String idempotencyKey);

    @Query("select m from SentMail m where m.idempotencyKey = ?1")
    Optional<SentMail> findByIdempotencyKey(String idempotencyKey);
}
