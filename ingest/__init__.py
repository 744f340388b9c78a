"""Files in, typed action cards out."""
