-- The estimated cost of Camunda's authorised task queries passes jit_above_cost at a few thousand open tasks, and JIT
-- compilation then costs more than the query (1.6 s of 2.9 s for one Tasklist page at 20,000 tasks). Short OLTP
-- queries never win from JIT: switch it off for this database (new connections; the pool is refreshed afterwards).
do $$
begin
  execute format('alter database %I set jit = off', current_database());
end
$$;
