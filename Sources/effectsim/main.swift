print("effectsim")
