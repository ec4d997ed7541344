namespace OpenRan.Engine.Scheduling;

/// <summary>The resource indication value of resource allocation type 1 (TS 38.214 §5.1.2.2.2, §6.1.2.2.2).</summary>
public static class ResourceIndicatorValue
{
    /// <summary>RIV for <paramref name="length"/> contiguous RBs from <paramref name="start"/> in a BWP of <paramref name="bwpSize"/> RBs.</summary>
    public static int Compute(int start, int length, int bwpSize) =>
        length - 1 <= bwpSize / 2
            ? (bwpSize * (length - 1)) + start
            : (bwpSize * (bwpSize - length + 1)) + (bwpSize - 1 - start);

    /// <summary>
    /// The (RB_start, L_RBs) that <paramref name="riv"/> indicates in a BWP of <paramref name="bwpSize"/> RBs (the inverse of
    /// <see cref="Compute"/>), or null when the value names no allocation.
    /// </summary>
    public static (int Start, int Length)? Decode(int riv, int bwpSize)
    {
        if (bwpSize < 1 || riv < 0 || riv >= bwpSize * (bwpSize + 1) / 2)
        {
            return null;
        }

        int a = riv / bwpSize;
        int b = riv % bwpSize;
        (int start, int length) = a + b < bwpSize ? (b, a + 1) : (bwpSize - 1 - b, bwpSize - a + 1);
        return length >= 1 && start + length <= bwpSize && Compute(start, length, bwpSize) == riv ? (start, length) : null;
    }
}
