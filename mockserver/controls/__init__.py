"""What a test controls and reads on the mock: faults, hostile answers, custom answers, data sets, the journal."""
