(c.region_code BETWEEN $1 AND $2);
