# One line of help per setting (`settings show`, the app's settings editor).

setting-timezone = Your time zone (IANA name, e.g. Europe/Paris); days, weeks and working hours are counted in it.
setting-week-start = The first day of your week: monday or sunday.
setting-currency = The currency of new clients (ISO 4217 code, e.g. EUR).
setting-rounding = How exports round each session, e.g. 15m:up (or none).
setting-locale = The language Gardefou speaks: en or fr.
setting-weekly-cap = The most you want to work in a week, e.g. 40h (or none).
setting-warn-at = The share of a cap at which you are warned, in percent.
setting-working-hours = Your working hours per weekday, e.g. mon-fri 09:00-12:30,13:30-18:00; sat-sun off.
setting-rest-days = Your weekend: the days you do not work, e.g. sat,sun.
setting-weekend-min = Less than this on a weekend, and it still counts as free.
setting-weekend-streak-limit = Worked weekends in a row before you are warned.
setting-nag-every = How often a reminder repeats while a timer runs past a boundary (0 turns reminders off).
setting-notifications = Desktop notifications: on or off.
setting-health-tags = The tags whose share of a client's time the week summary watches, e.g. meeting,rework.
setting-idle-after = With a timer running, ask about the time when no keyboard or mouse input has come for this long, e.g. 10m (0 turns it off).
setting-autostart = Start Gardefou when you log in: on or off.
setting-backups = A copy of the database each day before its first change, kept beside it (7 days, then one a week for 8 weeks): on or off.
setting-summary-auto-open = Open the week summary by itself once the working week ends: on or off.
