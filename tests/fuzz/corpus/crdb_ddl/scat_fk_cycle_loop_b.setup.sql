(same setup as scat_fk_cycle_loop_a)
