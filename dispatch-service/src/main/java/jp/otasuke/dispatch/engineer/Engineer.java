package jp.otasuke.dispatch.engineer;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A field engineer: home base, skills and weekly shift. */
@Entity
public class Engineer extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String email;
    public String username;
    @Column(name = "home_latitude")
    public double homeLatitude;
    @Column(name = "home_longitude")
    public double homeLongitude;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> skills;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "shift_days")
    public List<String> shiftDays;
    @Column(name = "shift_start")
    public LocalTime shiftStart;
    @Column(name = "shift_end")
    public LocalTime shiftEnd;
    public boolean active = true;
    @Version
    public long version;
}
