-- Tasklist's group filter (candidate group, sorted by due date, first page) on Camunda's runtime tables.
-- Measured by bench/run.sh (bench/RESULTS.md); plans in docs/bench.md.

-- Walk the tasks in due-date order instead of sorting every candidate task of the group.
create index if not exists appdesk_idx_task_due_date on act_ru_task (due_date_);

-- The task query joins ACT_RU_AUTHORIZATION with "PERMS_ & <bit> = <bit>". Without statistics on these expressions
-- PostgreSQL assumes 0.5 % of the rows match, under-estimates the join by two orders of magnitude and picks a nested
-- loop over a materialised scan of every task authorization: 58 s for one page at 20,000 open tasks, 1-3 s with these.
create statistics if not exists appdesk_stat_auth_perms_read on (perms_ & 2) from act_ru_authorization;
create statistics if not exists appdesk_stat_auth_perms_read_task on (perms_ & 64) from act_ru_authorization;
analyze act_ru_authorization;
analyze act_ru_task;
