import CLapack

/// A dense Float64 matrix stored column-major (LAPACK's and BLAS's native order).
///
/// Element (i, j) lives at `elements[i + j * rows]`. Columns are contiguous, so a
/// hidden-state matrix H×B whose columns are batch elements keeps each sequence
/// element's state contiguous, and a H×(T·B) matrix with column index t·B + b keeps
/// each time step's H×B block contiguous: that is the layout the BPTT loop uses.
public struct Matrix: Equatable, Sendable {
    public let rows: Int
    public let cols: Int
    public var elements: [Double]

    public init(rows: Int, cols: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && cols >= 0, "Matrix: negative shape \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.elements = [Double](repeating: value, count: rows * cols)
    }

    /// Column-major elements, `elements.count == rows * cols`.
    public init(rows: Int, cols: Int, elements: [Double]) {
        precondition(elements.count == rows * cols, "Matrix: \(elements.count) elements for \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.elements = elements
    }

    /// From a list of rows (the probe format's and JSON's order). All rows must have one length.
    public init(rowList: [[Double]]) {
        let r = rowList.count
        let c = rowList.first?.count ?? 0
        precondition(rowList.allSatisfy { $0.count == c }, "Matrix: ragged rows")
        var m = Matrix(rows: r, cols: c)
        for i in 0..<r { for j in 0..<c { m.elements[i + j * r] = rowList[i][j] } }
        self = m
    }

    /// A column vector n×1.
    public init(column: [Double]) {
        self.init(rows: column.count, cols: 1, elements: column)
    }

    public static func identity(_ n: Int, scale: Double = 1) -> Matrix {
        var m = Matrix(rows: n, cols: n)
        for i in 0..<n { m.elements[i + i * n] = scale }
        return m
    }

    public subscript(i: Int, j: Int) -> Double {
        get { elements[i + j * rows] }
        set { elements[i + j * rows] = newValue }
    }

    public var rowList: [[Double]] {
        (0..<rows).map { i in (0..<cols).map { j in elements[i + j * rows] } }
    }

    public func column(_ j: Int) -> [Double] { Array(elements[(j * rows)..<((j + 1) * rows)]) }

    public var transposed: Matrix {
        var t = Matrix(rows: cols, cols: rows)
        for j in 0..<cols { for i in 0..<rows { t.elements[j + i * cols] = elements[i + j * rows] } }
        return t
    }

    /// Rows `range` as a new matrix (e.g. one gate's block of a stacked G·H×D weight).
    public func rowBlock(_ range: Range<Int>) -> Matrix {
        var m = Matrix(rows: range.count, cols: cols)
        for j in 0..<cols { for (k, i) in range.enumerated() { m.elements[k + j * range.count] = elements[i + j * rows] } }
        return m
    }

    /// Writes `block` into rows starting at `row`.
    public mutating func setRowBlock(_ block: Matrix, at row: Int) {
        precondition(block.cols == cols && row + block.rows <= rows, "setRowBlock: shape mismatch")
        for j in 0..<cols { for i in 0..<block.rows { elements[row + i + j * rows] = block.elements[i + j * block.rows] } }
    }

    /// Columns `range` as a new matrix.
    public func columnBlock(_ range: Range<Int>) -> Matrix {
        Matrix(rows: rows, cols: range.count, elements: Array(elements[(range.lowerBound * rows)..<(range.upperBound * rows)]))
    }

    /// Frobenius norm √(Σ a_ij²).
    public var frobeniusNorm: Double { elements.withUnsafeBufferPointer { norm2($0) } }

    public var isFinite: Bool { elements.allSatisfy { $0.isFinite } }

    /// The largest |a − b| over all elements (shapes must agree).
    public func maxAbsDifference(_ other: Matrix) -> Double {
        precondition(rows == other.rows && cols == other.cols)
        return zip(elements, other.elements).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    public static func * (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.cols == b.rows, "Matrix *: \(a.rows)×\(a.cols) times \(b.rows)×\(b.cols)")
        var c = Matrix(rows: a.rows, cols: b.cols)
        c.withMutableRef { cr in a.withRef { ar in b.withRef { br in gemm(ar, br, into: cr) } } }
        return c
    }

    public static func + (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.cols == b.cols)
        return Matrix(rows: a.rows, cols: a.cols, elements: zip(a.elements, b.elements).map { $0 + $1 })
    }

    public static func - (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.cols == b.cols)
        return Matrix(rows: a.rows, cols: a.cols, elements: zip(a.elements, b.elements).map { $0 - $1 })
    }

    public static func * (s: Double, a: Matrix) -> Matrix {
        Matrix(rows: a.rows, cols: a.cols, elements: a.elements.map { s * $0 })
    }

    /// Matrix-vector product A v.
    public func applied(to v: [Double]) -> [Double] {
        (self * Matrix(column: v)).elements
    }

    /// Read-only view for BLAS calls. The view is valid only inside `body`.
    public func withRef<R>(_ body: (MatrixRef) throws -> R) rethrows -> R {
        try elements.withUnsafeBufferPointer { buf in
            try body(MatrixRef(UnsafeMutablePointer(mutating: buf.baseAddress ?? UnsafePointer(bitPattern: 8)!),
                               rows: rows, cols: cols, ld: max(rows, 1)))
        }
    }

    public mutating func withMutableRef<R>(_ body: (MatrixRef) throws -> R) rethrows -> R {
        let r = rows, c = cols
        return try elements.withUnsafeMutableBufferPointer { buf in
            try body(MatrixRef(buf.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!, rows: r, cols: c, ld: max(r, 1)))
        }
    }
}

/// A non-owning view of a column-major matrix: `pointer[i + j * ld]` is element (i, j).
///
/// The BPTT loop works on views into buffers made once per sequence, so no time step
/// allocates. A view never outlives the storage it was made from.
public struct MatrixRef {
    public let pointer: UnsafeMutablePointer<Double>
    public let rows: Int
    public let cols: Int
    public let ld: Int

    public init(_ pointer: UnsafeMutablePointer<Double>, rows: Int, cols: Int, ld: Int? = nil) {
        self.pointer = pointer
        self.rows = rows
        self.cols = cols
        self.ld = ld ?? max(rows, 1)
        precondition(self.ld >= max(rows, 1), "MatrixRef: ld \(self.ld) < rows \(rows)")
    }

    @inline(__always) public subscript(i: Int, j: Int) -> Double {
        get { pointer[i + j * ld] }
        nonmutating set { pointer[i + j * ld] = newValue }
    }

    /// True when the columns follow each other with no gap (ld == rows).
    public var isContiguous: Bool { ld == rows || cols <= 1 }

    /// Columns `start ..< start + count`.
    @inline(__always) public func columns(_ start: Int, _ count: Int) -> MatrixRef {
        precondition(start >= 0 && start + count <= cols, "MatrixRef.columns out of range")
        return MatrixRef(pointer + start * ld, rows: rows, cols: count, ld: ld)
    }

    /// Rows `start ..< start + count` (a strided view: ld is kept).
    @inline(__always) public func rowsView(_ start: Int, _ count: Int) -> MatrixRef {
        precondition(start >= 0 && start + count <= rows, "MatrixRef.rowsView out of range")
        return MatrixRef(pointer + start, rows: count, cols: cols, ld: ld)
    }

    /// Copies the view into an owning Matrix.
    public func copy() -> Matrix {
        var m = Matrix(rows: rows, cols: cols)
        for j in 0..<cols { for i in 0..<rows { m.elements[i + j * rows] = pointer[i + j * ld] } }
        return m
    }

    public func fill(_ v: Double) {
        for j in 0..<cols { (pointer + j * ld).update(repeating: v, count: rows) }
    }

    public func copy(from src: MatrixRef) {
        precondition(src.rows == rows && src.cols == cols, "MatrixRef.copy: shape mismatch")
        for j in 0..<cols { (pointer + j * ld).update(from: src.pointer + j * src.ld, count: rows) }
    }

    /// Frobenius norm of the view.
    public var frobeniusNorm: Double {
        if isContiguous { return norm2(UnsafeBufferPointer(start: pointer, count: rows * cols)) }
        var s = 0.0
        for j in 0..<cols { let n = norm2(UnsafeBufferPointer(start: pointer + j * ld, count: rows)); s += n * n }
        return s.squareRoot()
    }
}

/// Euclidean norm through BLAS `dnrm2` (scaled, so no overflow for large entries).
@inline(__always) public func norm2(_ v: UnsafeBufferPointer<Double>) -> Double {
    guard let p = v.baseAddress, v.count > 0 else { return 0 }
    return cblas_dnrm2(Int32(v.count), p, 1)
}
