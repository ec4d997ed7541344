namespace OpenRan.Conformance.Formats;

/// <summary>The element kinds of the NPY format's simple dtypes.</summary>
public enum NpyKind
{
    /// <summary>Boolean (<c>b1</c>).</summary>
    Bool,

    /// <summary>Signed integer (<c>i1</c>, <c>i2</c>, <c>i4</c>, <c>i8</c>).</summary>
    SignedInteger,

    /// <summary>Unsigned integer (<c>u1</c>, <c>u2</c>, <c>u4</c>, <c>u8</c>).</summary>
    UnsignedInteger,

    /// <summary>IEEE float (<c>f2</c>, <c>f4</c>, <c>f8</c>).</summary>
    Float,

    /// <summary>Complex of two IEEE floats (<c>c8</c>, <c>c16</c>).</summary>
    Complex,
}
