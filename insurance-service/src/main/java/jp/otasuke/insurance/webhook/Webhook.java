package jp.otasuke.insurance.webhook;

import jp.otasuke.common.secrets.SecretBox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An insurer's endpoint for claim changes. The signing secret is stored encrypted ({@link SecretBox}), never shown. */
@Entity
public class Webhook extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "insurer_id")
    public String insurerId;
    public String url;
    @Column(name = "secret_ciphertext")
    public String secretCiphertext;
    public boolean active = true;
    @Column(name = "created_at")
    public Instant createdAt;

    static List<Webhook> activeOf(String insurerId) {
        return list("insurerId = ?1 and active = true", insurerId);
    }
}
