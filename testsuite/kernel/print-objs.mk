# Included after scripts/Makefile.build by derive-objects: prints what kbuild
# would build in $(obj) under the current .config.
iom-print-objs:
	@echo 'objs:' $(real-obj-y) $(real-obj-m) $(lib-y)
	@echo 'subdirs:' $(subdir-ym)
