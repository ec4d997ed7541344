namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>
/// The int8 vector operations of the layered min-sum kernel (<see cref="LdpcShiftedColumns"/>), one implementation per
/// vector width (<see cref="LdpcLanes256"/>, <see cref="LdpcLanes512"/>): one lane is one of the Z_c checks of a layer.
/// </summary>
/// <typeparam name="TVector">The vector type (Vector256 or Vector512 of sbyte).</typeparam>
/// <remarks>Every operation is lane-wise, so the kernel's result does not depend on the width.</remarks>
internal interface ILdpcLanes<TVector>
    where TVector : unmanaged
{
    /// <summary>Checks per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TVector Create(sbyte value);

    /// <summary>Loads <see cref="Count"/> values at source[offset ..].</summary>
    static abstract TVector Load(ref sbyte source, nuint offset);

    /// <summary>Stores <see cref="Count"/> values at destination[offset ..].</summary>
    static abstract void Store(TVector value, ref sbyte destination, nuint offset);

    /// <summary>|value| (as a signed byte: −128 is not an input here).</summary>
    static abstract TVector Abs(TVector value);

    /// <summary>All-ones lanes where left = right.</summary>
    static abstract TVector Equal(TVector left, TVector right);

    /// <summary>All-ones lanes where left &gt; right.</summary>
    static abstract TVector GreaterThan(TVector left, TVector right);

    /// <summary>value with the lanes of <paramref name="mask"/> cleared (value &amp; ~mask).</summary>
    static abstract TVector ClearWhere(TVector mask, TVector value);

    /// <summary>mask ? whenTrue : whenFalse (mask lanes are all-ones or zero).</summary>
    static abstract TVector Select(TVector mask, TVector whenTrue, TVector whenFalse);

    /// <summary>The smaller of each pair (signed).</summary>
    static abstract TVector Min(TVector left, TVector right);

    /// <summary>The larger of each pair (signed).</summary>
    static abstract TVector Max(TVector left, TVector right);

    /// <summary>left ^ right.</summary>
    static abstract TVector Xor(TVector left, TVector right);

    /// <summary>Signed saturating left + right.</summary>
    static abstract TVector AddSaturate(TVector left, TVector right);

    /// <summary>Signed saturating left − right.</summary>
    static abstract TVector SubtractSaturate(TVector left, TVector right);

    /// <summary>−magnitude where sign is negative, magnitude elsewhere.</summary>
    static abstract TVector CopySign(TVector magnitude, TVector sign);

    /// <summary>max(0, ⌊α·m⌋ − β) per lane for magnitudes 0..127, α = <paramref name="scalingSixteenths"/>/16, β = <paramref name="offset"/>.</summary>
    static abstract TVector Correct(TVector magnitude, int scalingSixteenths, int offset);
}
