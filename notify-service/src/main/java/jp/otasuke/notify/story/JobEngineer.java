package jp.otasuke.notify.story;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The engineer a job is planned for now, so that a change of plan tells the one who no longer has it. */
@Entity
@Table(name = "job_engineer")
public class JobEngineer extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public UUID jobId;
    @Column(name = "engineer_id")
    public UUID engineerId;
    @Column(name = "updated_at")
    public Instant updatedAt;

    static Optional<UUID> of(UUID jobId) {
        return JobEngineer.<JobEngineer>findByIdOptional(jobId).map(j -> j.engineerId);
    }

    static void record(UUID jobId, UUID engineerId, Instant at) {
        JobEngineer row = findById(jobId);
        if (row == null) {
            row = new JobEngineer();
            row.jobId = jobId;
            row.engineerId = engineerId;
            row.updatedAt = at;
            row.persist();
        }
        row.engineerId = engineerId;
        row.updatedAt = at;
    }
}
