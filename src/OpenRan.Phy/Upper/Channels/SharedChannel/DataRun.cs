namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>A run of consecutive data resource elements of one OFDM symbol.</summary>
/// <param name="AllocationStart">First element in allocation coordinates (allocated blocks packed, 12 subcarriers each).</param>
/// <param name="GridStart">First element as a subcarrier of the resource grid.</param>
/// <param name="Length">Number of elements.</param>
public readonly record struct DataRun(int AllocationStart, int GridStart, int Length);
