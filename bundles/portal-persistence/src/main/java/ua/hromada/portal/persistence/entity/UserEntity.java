package ua.hromada.portal.persistence.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.OneToMany;
import javax.persistence.Table;

@Entity
@Table(name = "users", schema = "portal")
public class UserEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    private boolean enabled = true;

    @Column(name = "failed_attempts")
    private int failedAttempts;

    @Column(name = "locked_until")
    @Convert(converter = InstantConverter.class)
    private Instant lockedUntil;

    @Column(name = "last_login")
    @Convert(converter = InstantConverter.class)
    private Instant lastLogin;

    /** Set for the first administrator from config: the first sign-in must replace the password. */
    @Column(name = "must_change_password")
    private boolean mustChangePassword;

    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    /**
     * Moved by the services on every administrator's change, checked against the form's copy. Not
     * JPA's @Version: that would also move on sign-in bookkeeping and refuse forms for nothing.
     */
    @Column(nullable = false)
    private long version;

    /** The communities the account belongs to, with its roles in each. */
    @OneToMany(mappedBy = "user", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    private List<MembershipEntity> memberships = new ArrayList<>();

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public int getFailedAttempts() { return failedAttempts; }
    public void setFailedAttempts(int failedAttempts) { this.failedAttempts = failedAttempts; }
    public Instant getLockedUntil() { return lockedUntil; }
    public void setLockedUntil(Instant lockedUntil) { this.lockedUntil = lockedUntil; }
    public Instant getLastLogin() { return lastLogin; }
    public void setLastLogin(Instant lastLogin) { this.lastLogin = lastLogin; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public List<MembershipEntity> getMemberships() { return memberships; }

    /** Its membership of the community, null when it is none. */
    public MembershipEntity membership(String community) {
        for (MembershipEntity m : memberships) {
            if (m.getCommunity().equals(community)) {
                return m;
            }
        }
        return null;
    }

    /** Its roles in the community (empty when no member); changes go through {@link #join}. */
    public Set<String> rolesIn(String community) {
        MembershipEntity m = membership(community);
        return m == null ? Set.of() : Set.copyOf(m.getRoles());
    }

    /** Its membership of the community, made when missing. */
    public MembershipEntity join(String community) {
        MembershipEntity m = membership(community);
        if (m == null) {
            m = new MembershipEntity(this, community);
            memberships.add(m);
        }
        return m;
    }

    /** Ends its membership of the community (the row goes with the next flush). */
    public void leave(String community) {
        memberships.removeIf(m -> m.getCommunity().equals(community));
    }
    public boolean isMustChangePassword() { return mustChangePassword; }
    public void setMustChangePassword(boolean mustChangePassword) { this.mustChangePassword = mustChangePassword; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
