weekly_days = 200
