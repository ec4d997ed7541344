namespace OpenRan.Engine.Scheduling;

/// <summary>The resource indication value of resource allocation type 1 (TS 38.214 §5.1.2.2.2, §6.1.2.2.2).</summary>
public static class ResourceIndicatorValue
{
    /// <summary>RIV for <paramref name="length"/> contiguous RBs from <paramref name="start"/> in a BWP of <paramref name="bwpSize"/> RBs.</summary>
    public static int Compute(int start, int length, int bwpSize) =>
        length - 1 <= bwpSize / 2
            ? (bwpSize * (length - 1)) + start
            : (bwpSize * (bwpSize - length + 1)) + (bwpSize - 1 - start);
}
