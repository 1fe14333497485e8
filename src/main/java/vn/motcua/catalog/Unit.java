package vn.motcua.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An agency: a department of the city or a commune's People's Committee. */
@Entity
@Table(name = "unit")
public class Unit {

    @Id
    @Column(name = "unit_key")
    private String key;

    /** Identifier code (mã định danh), the prefix of every dossier code this unit receives. */
    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitLevel level;

    protected Unit() {
    }

    Unit(String key) {
        this.key = key;
    }

    void update(String code, String name, UnitLevel level) {
        this.code = code;
        this.name = name;
        this.level = level;
    }

    public String getKey() {
        return key;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public UnitLevel getLevel() {
        return level;
    }

    public String group(Role role) {
        return role.groupOf(key);
    }
}
