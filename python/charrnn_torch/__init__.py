"""Continue a charrnn playground or CLI run in PyTorch (python/continue_training.py is the command)."""
