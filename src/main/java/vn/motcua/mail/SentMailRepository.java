package vn.motcua.mail;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SentMailRepository extends JpaRepository<SentMail, Long> {

    boolean existsByIdempotencyKey(String idempotencyKey);

    Optional<SentMail> findByIdempotencyKey(String idempotencyKey);
}
