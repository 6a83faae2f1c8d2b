"""LightGBM models written as the TreeNode tables lib/trees.h reads."""


def flatten(model, names):
    """The model's trees as (roots, nodes): nodes are (feature, threshold,
    left, right, leaf value) in pre-order, feature -1 for a leaf."""
    dump = model.dump_model()
    assert dump["feature_names"] == names
    nodes, roots = [], []

    def emit(node):
        idx = len(nodes)
        nodes.append(None)
        if "leaf_value" in node:
            nodes[idx] = (-1, 0.0, 0, 0, node["leaf_value"])
            return idx
        assert node["decision_type"] == "<=", node["decision_type"]
        left = emit(node["left_child"])
        right = emit(node["right_child"])
        nodes[idx] = (node["split_feature"], node["threshold"], left, right, 0.0)
        return idx

    for tree in dump["tree_info"]:
        roots.append(emit(tree["tree_structure"]))
    return roots, nodes


def write_tables(f, roots_name, nodes_name, roots, nodes):
    """The C++ arrays of the roots and the nodes."""
    f.write(f"constexpr std::int32_t {roots_name}[{len(roots)}] = {{\n")
    for i in range(0, len(roots), 12):
        f.write("    " + ", ".join(str(r) for r in roots[i:i + 12]) + ",\n")
    f.write("};\n")
    f.write(f"constexpr TreeNode {nodes_name}[{len(nodes)}] = {{\n")
    for feat, thr, left, right, value in nodes:
        f.write(f"    {{{feat}, {float(thr)!r}f, {left}, {right}, {float(value)!r}f}},\n")
    f.write("};\n")
