package ua.hromada.portal.persistence.entity;

import java.util.HashSet;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;

@Entity
@Table(name = "roles", schema = "portal")
public class RoleEntity {
    @Id
    @Column(length = 64)
    private String name;

    private String description;

    /**
     * Moved by the services on every administrator's change, checked against the form's copy. Not
     * JPA's @Version: that would also move on sign-in bookkeeping and refuse forms for nothing.
     */
    @Column(nullable = false)
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "role_permissions", schema = "portal", joinColumns = @JoinColumn(name = "role"))
    @Column(name = "permission")
    private Set<String> permissions = new HashSet<>();

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Set<String> getPermissions() { return permissions; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
