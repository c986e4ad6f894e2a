# CI's stages, one by one, in the Python environment you are in (after the README's install command).
#   make help        the stages and what each checks
#   make everyday    one stage (make battery, make reports, ...); each prints its time
#   make ci          every stage, as CI runs them, in a fresh virtual environment (.ci/run)
STAGES := $(shell .ci/run --list | cut -d' ' -f1)

.PHONY: help ci $(STAGES)

help:
	@echo "make STAGE runs one of CI's stages here; make ci runs them all in a fresh virtual environment:"
	@.ci/run --list | sed 's/^/  /'

ci:
	@.ci/run

$(STAGES):
	@.ci/run --here $@
