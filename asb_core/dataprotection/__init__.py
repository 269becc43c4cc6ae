"""dataprotection: retention schedules, legal holds, erasure and subject access exports."""
