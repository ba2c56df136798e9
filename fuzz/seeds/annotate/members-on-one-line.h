/* Inputs that once crashed the annotator: both members in one declaration. */
struct iosys_map {
	union {
		void __iomem *vaddr_iomem, *vaddr;
	};
	bool is_iomem;
};
