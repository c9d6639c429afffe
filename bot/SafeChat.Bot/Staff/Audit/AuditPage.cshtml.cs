using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Staff.Audit;

public sealed class AuditPageModel(SafeChatDbFactory databases, AuditTrail audit) : PageModel
{
    public IReadOnlyList<AuditRecord> Entries { get; private set; } = [];
    public IReadOnlyDictionary<long, string> Names { get; private set; } = new Dictionary<long, string>();

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        await using var db = databases.Create();
        Entries = await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Take(500).ToListAsync(cancellation);
        Names = await db.StaffUsers.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Email, cancellation);
        audit.Record(db, StaffMember.From(User).Id, AuditActions.ViewedAudit);
        await db.SaveChangesAsync(cancellation);
    }
}
