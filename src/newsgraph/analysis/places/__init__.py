"""Places: place entities resolved to points on the map through an offline GeoNames gazetteer."""
