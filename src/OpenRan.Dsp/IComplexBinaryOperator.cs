using System.Runtime.Intrinsics;

namespace OpenRan.Dsp;

/// <summary>
/// An element-wise binary operation on complex numbers with scalar, 128-bit and 256-bit forms that compute the same
/// values (TensorPrimitives <c>IBinaryOperator</c> pattern). Vector forms see interleaved floats.
/// </summary>
internal interface IComplexBinaryOperator
{
    /// <summary>The scalar form; the reference for the vector forms.</summary>
    static abstract ComplexF32 Invoke(ComplexF32 x, ComplexF32 y);

    /// <summary>Two complex lanes at a time.</summary>
    static abstract Vector128<float> Invoke(Vector128<float> x, Vector128<float> y);

    /// <summary>Four complex lanes at a time.</summary>
    static abstract Vector256<float> Invoke(Vector256<float> x, Vector256<float> y);
}
