using DxCollab.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddDxCollab();

var app = builder.Build();
app.UseDxCollab();
await app.InitializeDxCollabAsync();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
