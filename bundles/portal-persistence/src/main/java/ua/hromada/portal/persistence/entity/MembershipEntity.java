package ua.hromada.portal.persistence.entity;

import java.util.HashSet;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** An account's membership of one community, with its roles there (a member may hold none). */
@Entity
@Table(name = "memberships", schema = "portal")
public class MembershipEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private UserEntity user;

    @Column(nullable = false, length = 64)
    private String community;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "membership_roles", schema = "portal", joinColumns = @JoinColumn(name = "membership_id"))
    @Column(name = "role")
    private Set<String> roles = new HashSet<>();

    public MembershipEntity() {
    }

    public MembershipEntity(UserEntity user, String community) {
        this.user = user;
        this.community = community;
    }

    public Long getId() { return id; }
    public UserEntity getUser() { return user; }
    public String getCommunity() { return community; }
    public Set<String> getRoles() { return roles; }
}
