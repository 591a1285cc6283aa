-- Tasklist at scale (issue 19, measured in docs/bench.md).

-- The cliff: the PostgreSQL driver turns a statement it has run five times into a server-side prepared statement, and
-- PostgreSQL then may switch to a generic plan, made without the parameter values. For Camunda's authorised task and
-- variable queries the generic plan assumes that the grants of "the group" are a handful of rows, materialises them
-- and joins every candidate task against all of them: with 33,000 tasks of a group that is a billion comparisons
-- (minutes for one Tasklist count; the p95 "seconds" of the variables call). Plans made for the actual group cost a
-- few milliseconds of planning and are right. For this database (new connections; the pool is refreshed afterwards):
do $$
begin
  execute format('alter database %I set plan_cache_mode = force_custom_plan', current_database());
end
$$;

-- Tasklist's group queries join every task to its candidate links ("I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate'
-- and I.GROUP_ID_ in (...)"): with Camunda's index on TASK_ID_ alone PostgreSQL fetches every link of the task from
-- the heap and filters; with group and type in the index the probe is answered from the index (the first page of a
-- group at 100,000 open tasks: 68 -> 49 ms).
create index if not exists appdesk_idx_ident_lnk_task_group on act_ru_identitylink (task_id_, group_id_, type_);
analyze act_ru_identitylink;
