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

    /** The body above the unit in its documents' heading; null when it has none. */
    @Column(name = "governing_body")
    private String governingBody;

    /** The unit's name as its documents' heading writes it; null: {@link #name}. */
    @Column(name = "heading_name")
    private String headingName;

    /** The unit's abbreviation in its document numbers; may be null. */
    @Column(name = "symbol")
    private String symbol;

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

    void heading(String governingBody, String headingName, String symbol) {
        this.governingBody = blankToNull(governingBody);
        this.headingName = blankToNull(headingName);
        this.symbol = blankToNull(symbol);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The body above the unit in the heading of its documents, e.g. "UBND thành phố Huế"; null when none. */
    public String getGoverningBody() {
        return governingBody;
    }

    /** The unit's name as the heading of its documents writes it (under its governing body). */
    public String getHeadingName() {
        return headingName != null ? headingName : name;
    }

    /** The unit's abbreviation in document numbers ("Số: 05/TB-UBND"); null when none is set. */
    public String getSymbol() {
        return symbol;
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
