-- The models that decided an appeal are recorded as six rows at once (the process and five decision tables, issue 17).
-- Their ids now come from the existing sequence in blocks of 50 (Hibernate's pooled generator, AppealRule), so the six
-- rows go to PostgreSQL as one batch instead of six single INSERT … RETURNING round trips (issue 19, intake profile).
-- The column default stays: a row inserted by hand still gets an id above every block handed out so far.
alter sequence appeal_rule_id_seq increment by 50;
