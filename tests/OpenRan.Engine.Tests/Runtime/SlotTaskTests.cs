using OpenRan.Engine.Runtime;

namespace OpenRan.Engine.Tests.Runtime;

public class SlotTaskTests
{
    [Fact]
    public void Run_AbandonedBeforeItStarts_SkipsTheWorkAndStillCompletes()
    {
        var task = new CountingTask();
        task.MarkPending();
        task.Abandoned = true;
        task.Run(null!);
        Assert.Equal(0, task.Executions);
        Assert.True(task.IsDone);

        task.MarkPending();
        Assert.False(task.Abandoned);
        task.Run(null!);
        Assert.Equal(1, task.Executions);
        Assert.True(task.IsDone);
    }

    private sealed class CountingTask : SlotTask
    {
        public int Executions { get; private set; }

        protected override void Execute(WorkerContext context) => Executions++;
    }
}
