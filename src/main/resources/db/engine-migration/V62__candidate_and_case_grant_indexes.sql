-- Tasklist at scale (issue 19, measured in docs/bench.md) and the per-case grants of identity/CaseVisibility.

-- Tasklist's group queries join every task to its candidate links ("I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate'
-- and I.GROUP_ID_ in (...)"): Camunda's index on TASK_ID_ alone makes PostgreSQL fetch every link of the task from the
-- heap and filter; with the group and type in the index the probe is answered from the index.
create index if not exists appdesk_idx_ident_lnk_task_group on act_ru_identitylink (task_id_, group_id_, type_);

-- Grants looked up by resource and group (a case's READ for its candidate group, a jurisdiction's grants): one index
-- probe answers "does group G hold permission P on resource R" without visiting the heap.
create index if not exists appdesk_idx_auth_resource_group
  on act_ru_authorization (resource_id_, resource_type_, group_id_) include (type_, user_id_, perms_);

analyze act_ru_identitylink;
analyze act_ru_authorization;
