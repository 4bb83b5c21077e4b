-- The seed of a mutual inspection campaign's assignment (双随机, issue 22): the participating bureaus in
-- ascending code order, shuffled by SeededDraw from this seed, each inspecting the next and the last
-- the first; null for a campaign drawn before the seed was kept.
alter table inspection_campaign add column draw_seed varchar(64);
