/** NESTFUL basic geometry formulas, evaluated in Python's operand order so doubles round alike. */
import { binary, domainCheck, unary } from "./basic-tool-builders.ts";
import { pythonPower } from "./python-numbers.ts";

const square = (x: number) => pythonPower(x, 2);
const cube = (x: number) => pythonPower(x, 3);
const PI = Math.PI;

export const basicGeometryTools = [
  unary("circle_area", "Return the area π·r² of a circle.", "Radius.", "fast", (r) => PI * square(r)),
  unary("circumface", "Return the circumference 2·π·r of a circle.", "Radius.", "fast", (r) => 2 * PI * r),
  unary(
    "surface_sphere",
    "Return the surface area 4·π·r² of a sphere.",
    "Radius.",
    "fast",
    (r) => 4 * PI * square(r),
  ),
  unary(
    "volume_sphere",
    "Return the volume (4/3)·π·r³ of a sphere.",
    "Radius.",
    "fast",
    (r) => (4 / 3) * PI * cube(r),
  ),
  binary(
    "volume_cylinder",
    "Return the volume π·r²·h of a cylinder.",
    ["Radius of the base.", "Height."],
    "fast",
    (r, h) => PI * square(r) * h,
  ),
  binary(
    "surface_cylinder",
    "Return the total surface area 2·π·r·(r + h) of a cylinder.",
    ["Radius of the base.", "Height."],
    "fast",
    (r, h) => 2 * PI * r * (r + h),
  ),
  binary(
    "volume_cone",
    "Return the volume (1/3)·π·r²·h of a cone.",
    ["Radius of the base.", "Height."],
    "fast",
    (r, h) => (1 / 3) * PI * square(r) * h,
  ),
  binary(
    "rectangle_area",
    "Return the area length × width of a rectangle.",
    ["Length.", "Width."],
    "fast",
    (l, w) => l * w,
  ),
  binary(
    "rectangle_perimeter",
    "Return the perimeter 2·(length + width) of a rectangle.",
    ["Length.", "Width."],
    "fast",
    (l, w) => 2 * (l + w),
  ),
  unary("square_area", "Return the area side² of a square.", "Side length.", "fast", (s) => s * s),
  unary("square_perimeter", "Return the perimeter 4·side of a square.", "Side length.", "fast", (s) => 4 * s),
  unary(
    "square_edge_by_area",
    "Return the side √area of a square with the given area.",
    "Area (≥ 0).",
    "fast",
    (a, n) => {
      domainCheck(n, a >= 0);
      return Math.sqrt(a);
    },
  ),
  unary(
    "square_edge_by_perimeter",
    "Return the side perimeter ÷ 4 of a square.",
    "Perimeter.",
    "fast",
    (p) => p / 4,
  ),
  unary(
    "cube_edge_by_volume",
    "Return the edge volume^(1/3) of a cube with the given volume.",
    "Volume (≥ 0).",
    "fast",
    (v, n) => {
      domainCheck(n, v >= 0);
      return v ** (1 / 3);
    },
  ),
  unary("volume_cube", "Return the volume side³ of a cube.", "Side length.", "fast", cube),
  unary(
    "surface_cube",
    "Return the surface area 6·side² of a cube.",
    "Side length.",
    "fast",
    (s) => 6 * square(s),
  ),
  binary(
    "triangle_area",
    "Return the area ½·base·height of a triangle.",
    ["Base length.", "Height."],
    "fast",
    (b, h) => 0.5 * b * h,
  ),
  binary(
    "rhombus_area",
    "Return the area ½·d₁·d₂ of a rhombus from its diagonals.",
    ["First diagonal.", "Second diagonal."],
    "fast",
    (p, q) => 0.5 * p * q,
  ),
  binary(
    "diagonal",
    "Return the diagonal √(length² + width²) of a rectangle.",
    ["Length.", "Width."],
    "fast",
    (l, w) => Math.sqrt(square(l) + square(w)),
  ),
];
