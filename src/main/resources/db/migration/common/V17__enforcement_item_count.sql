-- The 2019 layout's table 二 prints, per enforcement item, last year's item count (上一年项目数量) and the
-- change in the year (本年增/减): enforcement.csv gives the item count of each year in its optional
-- `items` column. NULL: not given (counted as 0).
ALTER TABLE enforcement_figure ADD COLUMN item_count BIGINT;
