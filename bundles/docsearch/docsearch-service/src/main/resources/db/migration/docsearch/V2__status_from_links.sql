-- An AMENDS or CANCELS link sets its target's status ("змінено" / "втратив чинність"). The status
-- it replaced is kept here so that removing the last such link restores it; NULL means the status
-- was chosen by a person (a link removal then leaves it alone).
ALTER TABLE act ADD COLUMN status_before_link varchar(20)
    CHECK (status_before_link IN ('IN_FORCE', 'AMENDED', 'SUSPENDED', 'LOST_FORCE'));
