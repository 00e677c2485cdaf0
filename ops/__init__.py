"""Operating the stack: environments, model training, starting and stopping the three servers."""
