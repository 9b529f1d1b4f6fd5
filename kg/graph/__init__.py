"""Facts to RDF and back out: vocabulary, IRIs, the dataset, resolution, store, exports, queries."""
