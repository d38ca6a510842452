# The window as a desktop program: alert banners, start at login.

banner-label = Alerts
banner-dismiss = Dismiss
banner-dismiss-alert = Dismiss the alert: { $summary }
notifications-unavailable = Desktop notifications are unavailable on this system: alerts show here, in the window, instead.
notifications-unavailable-dismiss = Dismiss the notice about notifications
welcome-autostart = Start Gardefou when I log in
welcome-autostart-hint = It waits in the tray, so a timer is one click away. You can change this in the settings.
backup-failed-title = Today’s automatic backup was not written
backup-failed-body = Your changes are saved in the database. The day’s backup copy could not be made: { $reason }
backup-failed-dismiss = Dismiss the notice about the backup
