"""The Faker seeder: realistic fake invitations for demos, tests and training.

``seed.personas.generate`` yields invitations; ``seed.replies.draw_reply`` answers an "ask"
the way each kind of sender would. Nothing here imports Textual.
"""
