"""The learned layer of the safety screen: sentence embeddings and a classifier over an exemplar bank.

embedder.Embedder      all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime, weights pinned by sha256
bank.load_bank()       the exemplar bank, knowledge/safety/exemplars/*.yml
classifier.Classifier  logistic regression over the bank's embeddings -> probability per category
"""
