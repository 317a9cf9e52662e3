"""The domain: invitations, the note reader, red flags, policies and recommendations.

Plain Python: nothing here imports Textual (a test checks it), so the command line, the
seeder, the importers and the simulator share it with the app.
"""
