"""Builds the hostile ONNX files the ONNX security scan is tested on (OnnxSecurityScanTests).

Run with Debian's python3-onnx (apt-get install python3-onnx; 1.12 here):
    /usr/bin/python3 tests/reference/onnx_security_models.py
It writes tests/reference/onnx-security/*.onnx and prints each file's expected finding. The files are built with
the onnx package's own helpers and serialized with SerializeToString (onnx.save would try to move external data
to side files). The checker is deliberately not run: these models are invalid on purpose.
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "onnx-security")


def io():
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 2])
    return x, y


def weights(location=None):
    """A [2] float initializer 'w'; with a location its data is declared external there."""
    tensor = numpy_helper.from_array(np.array([1.0, 2.0], dtype=np.float32), name="w")
    if location is not None:
        tensor.ClearField("raw_data")
        tensor.data_location = TensorProto.EXTERNAL
        entry = tensor.external_data.add()
        entry.key = "location"
        entry.value = location
    return tensor


def model(nodes, initializers=(), opsets=(("", 13),), functions=()):
    x, y = io()
    graph = helper.make_graph(nodes, "g", [x], [y], initializer=list(initializers))
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid(d, v) for d, v in opsets], producer_name="reference")
    m.functions.extend(functions)
    m.ir_version = 8
    return m


def write(name, m, expected):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(m.SerializeToString())
    print(f"{name}: {expected}")


add = helper.make_node("Add", ["x", "w"], ["y"])
os.makedirs(OUT, exist_ok=True)
write("clean.onnx", model([add], [weights()]), "no finding")
write("external-data.onnx", model([add], [weights("weights.bin")]), "ExternalData at graph.initializer[0]")
write("absolute-path.onnx", model([add], [weights("/etc/passwd")]), "AbsoluteExternalPath at graph.initializer[0]")
write("parent-path.onnx", model([add], [weights("../../secrets.bin")]), "EscapingExternalPath at graph.initializer[0]")

constant = helper.make_node("Constant", [], ["w"], value=weights("sub/../../outside.bin"))
write("constant-attribute-path.onnx", model([constant, add]), "EscapingExternalPath at graph.node[0].attribute[0].t")

custom = helper.make_node("Backdoor", ["x"], ["y"], domain="com.example.evil")
write("custom-domain.onnx", model([custom], opsets=(("", 13), ("com.example.evil", 1))),
      "DomainNotAllowed at opset_import[1], CustomOperator at graph.node[0]")

write("opset-too-high.onnx", model([add], [weights()], opsets=(("", 30),)), "OpsetOutOfRange at opset_import[0]")

x, y = io()
then_graph = helper.make_graph([helper.make_node("Backdoor", ["x"], ["y"], domain="com.example.evil")], "then", [], [y])
else_graph = helper.make_graph([helper.make_node("Identity", ["x"], ["y"])], "else", [], [y])
branch = helper.make_node("If", ["c"], ["y"], then_branch=then_graph, else_branch=else_graph)
write("subgraph-custom-op.onnx", model([branch], opsets=(("", 13), ("com.example.evil", 1))),
      "DomainNotAllowed at opset_import[1], CustomOperator at graph.node[0].attribute[1].g.node[0] (attributes sorted by name: else_branch, then_branch)")

function = helper.make_function("com.example.local", "Twice", ["a"], ["b"],
                                [helper.make_node("Add", ["a", "a"], ["b"])], [helper.make_opsetid("", 13)])
call = helper.make_node("Twice", ["x"], ["y"], domain="com.example.local")
write("local-function.onnx", model([call], opsets=(("", 13), ("com.example.local", 1)), functions=[function]),
      "DomainNotAllowed at opset_import[1], CustomOperator at graph.node[0] (defined by a model-local function)")
