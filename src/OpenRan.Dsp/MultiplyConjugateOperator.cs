using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace OpenRan.Dsp;

/// <summary>x · conj(y).</summary>
internal readonly struct MultiplyConjugateOperator : IComplexBinaryOperator
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF32 Invoke(ComplexF32 x, ComplexF32 y) => ComplexF32.MultiplyConjugate(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x, Vector128<float> y) => ComplexSimd.MultiplyConjugate(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => ComplexSimd.MultiplyConjugate(x, y);
}
