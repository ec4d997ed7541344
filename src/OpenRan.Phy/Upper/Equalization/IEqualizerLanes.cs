using System.Runtime.Intrinsics;

namespace OpenRan.Phy.Upper.Equalization;

/// <summary>
/// The float-vector operations of the planar equalizer kernels (<see cref="PlanarEqualizer"/>), one implementation per
/// vector width (<see cref="EqualizerLanes256"/>, <see cref="EqualizerLanes512"/>): one lane is one resource element, a
/// complex quantity is a pair of vectors (real parts, imaginary parts).
/// </summary>
/// <typeparam name="TVector">The vector type (<see cref="Vector256{T}"/> or <see cref="Vector512{T}"/> of float).</typeparam>
/// <remarks>
/// Loading deinterleaves <see cref="Count"/> consecutive complex values with in-lane shuffles, which leaves the elements
/// in a fixed permuted lane order; the complex store undoes it exactly and <see cref="StoreReal"/> permutes a real
/// vector back, so the kernels never see the order (every operation is lane-wise).
/// </remarks>
internal interface IEqualizerLanes<TVector>
    where TVector : unmanaged
{
    /// <summary>Resource elements per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TVector Create(float value);

    /// <summary>left + right.</summary>
    static abstract TVector Add(TVector left, TVector right);

    /// <summary>left − right.</summary>
    static abstract TVector Subtract(TVector left, TVector right);

    /// <summary>left · right.</summary>
    static abstract TVector Multiply(TVector left, TVector right);

    /// <summary>left · right + addend (fused where the CPU has FMA).</summary>
    static abstract TVector MultiplyAdd(TVector left, TVector right, TVector addend);

    /// <summary>minuend − left · right (fused where the CPU has FMA).</summary>
    static abstract TVector MultiplySubtract(TVector left, TVector right, TVector minuend);

    /// <summary>1/value for positive normal values: the hardware estimate refined by one Newton step (a few ulp).</summary>
    static abstract TVector Reciprocal(TVector value);

    /// <summary>The larger of two numbers (neither is NaN).</summary>
    static abstract TVector Max(TVector left, TVector right);

    /// <summary>All-ones lanes where left &gt; right.</summary>
    static abstract TVector GreaterThan(TVector left, TVector right);

    /// <summary>mask ? whenTrue : whenFalse, lane by lane.</summary>
    static abstract TVector Select(TVector mask, TVector whenTrue, TVector whenFalse);

    /// <summary>Loads <see cref="Count"/> complex values at complex index <paramref name="element"/> of interleaved floats.</summary>
    static abstract void LoadComplex(ref float interleaved, nuint element, out TVector real, out TVector imaginary);

    /// <summary>Stores <see cref="Count"/> complex values (from <see cref="LoadComplex"/> order) as interleaved floats.</summary>
    static abstract void StoreComplex(TVector real, TVector imaginary, ref float interleaved, nuint element);

    /// <summary>Stores a real vector (in <see cref="LoadComplex"/> order) to destination[element ..][..Count] in element order.</summary>
    static abstract void StoreReal(TVector value, ref float destination, nuint element);
}
