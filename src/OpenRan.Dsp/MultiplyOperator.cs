using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace OpenRan.Dsp;

/// <summary>x · y.</summary>
internal readonly struct MultiplyOperator : IComplexBinaryOperator
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF32 Invoke(ComplexF32 x, ComplexF32 y) => x * y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x, Vector128<float> y) => ComplexSimd.Multiply(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => ComplexSimd.Multiply(x, y);
}
